/**
 * Money in minor units with a currency, VAT rates in basis points, and the one pricing
 * function.
 */
package com.worklib.platform.money;
