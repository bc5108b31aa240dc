package it.sportello.cli;

import it.sportello.app.Sportello;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** {@code --home}: the folder holding config/ and knowledge-base/ (the project root by default). */
final class HomeOption {

    @Option(names = "--home", defaultValue = "${env:SPORTELLO_HOME:-.}", paramLabel = "DIR",
            description = "folder with config/ and knowledge-base/ (default: ${DEFAULT-VALUE})")
    Path home;

    Sportello start() {
        return Sportello.start(home, Clock.systemDefaultZone());
    }
}
