/**
 * Stand-ins for the platforms Sportello talks to ({@link it.sportello.fake.FakeBotApi} for Telegram's Bot API),
 * used by the tests and by the benchmark command to run the real clients without the network. They bind
 * 127.0.0.1 only, record every call and inject the faults the real platforms have (errors, rate limits,
 * timeouts, duplicate deliveries).
 */
package it.sportello.fake;
