/**
 * Stand-ins for the platforms on 127.0.0.1, in main code so that tests and a local {@code serve} can use
 * them: {@link it.sportello.fake.FakeGraphApi} plays Facebook's Graph API and Messenger's Send API. Nothing
 * here runs in production wiring.
 */
package it.sportello.fake;
