/**
 * Partners: the tenant, its status (unclaimed or claimed), platform fee and invoice code.
 */
package com.worklib.venue.partner;
