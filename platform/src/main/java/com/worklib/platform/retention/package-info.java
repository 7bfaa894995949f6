/**
 * How long each service keeps the rows that only serve for a while (outbox, inbox, keys,
 * logs).
 */
package com.worklib.platform.retention;
