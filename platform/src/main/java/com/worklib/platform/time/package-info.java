/**
 * The injected {@link java.time.Clock}, and in the dev profile a clock a person can move
 * to try month-end close, payouts and expiries locally.
 */
package com.worklib.platform.time;
