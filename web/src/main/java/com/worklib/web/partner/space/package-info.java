/**
 * "Votre espace": the partner's home, with the claimed listing and what is left to do.
 */
package com.worklib.web.partner.space;
