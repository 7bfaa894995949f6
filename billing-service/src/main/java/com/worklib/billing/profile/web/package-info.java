/** HTTP for the billing profile and the self-billing mandate. */
package com.worklib.billing.profile.web;
