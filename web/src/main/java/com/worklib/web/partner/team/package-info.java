/**
 * "Équipe": members and their roles, invitations, and the page an invitation's mail link
 * opens.
 */
package com.worklib.web.partner.team;
