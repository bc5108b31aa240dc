/**
 * The decision pipeline: message → guard → retrieval → decision, with the tenant's Italian replies.
 */
package it.sportello.responder;
