/**
 * Read models of the venue catalog that billing needs.
 */
package com.worklib.billing.catalog;
