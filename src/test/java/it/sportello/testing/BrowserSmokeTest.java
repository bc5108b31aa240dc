package it.sportello.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The browser fixture end to end: a page served on loopback, a click that runs JavaScript, a screenshot. */
class BrowserSmokeTest {

    private static final String PAGE = """
            <!doctype html>
            <html lang="it"><head><meta charset="utf-8"><title>Prova</title></head>
            <body>
              <p id="status">In attesa</p>
              <button id="go" onclick="document.getElementById('status').textContent = 'Cliccato, perché sì'">Prova</button>
            </body></html>
            """;

    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void clicksAButtonAndTakesAScreenshot() throws IOException {
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            page.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            assertThat(page.getTitle()).isEqualTo("Prova");
            assertThat(page.findElement(By.id("status")).getText()).isEqualTo("In attesa");

            page.findElement(By.id("go")).click();

            assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Cliccato, perché sì");
            Path png = browser.screenshot(Browser.SCREENSHOTS.resolve("browser-smoke.png"));
            assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        }
    }
}
