/** HTTP for invitations: invite, list, revoke, accept. */
package com.worklib.identity.invitation.web;
