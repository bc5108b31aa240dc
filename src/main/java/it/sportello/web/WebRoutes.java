package it.sportello.web;

import io.javalin.config.RoutesConfig;

/** A group of routes on Sportello's HTTP server: the web channel, health, the console. */
public interface WebRoutes {

    void addTo(RoutesConfig routes);
}
