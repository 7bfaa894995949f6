/** HTTP for a partner's members: list, change a role, remove. */
package com.worklib.identity.membership.web;
