/**
 * Stand-ins for the platforms Sportello talks to: {@link it.sportello.fake.FakeBotApi} for Telegram's Bot API,
 * {@link it.sportello.fake.FakeGraphApi} for Facebook's Graph API and Messenger's Send API. They let the tests
 * and the channel benchmark run the real clients without the network: they bind 127.0.0.1 only, record every
 * call and inject the faults the real platforms have (errors, rate limits, timeouts, duplicate deliveries,
 * deleted comments). Nothing here runs in production wiring.
 */
package it.sportello.fake;
