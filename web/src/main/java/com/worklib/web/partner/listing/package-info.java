/**
 * "Lieux et espaces de travail": the establishments, their workspaces, "Éditer
 * l'établissement".
 */
package com.worklib.web.partner.listing;
