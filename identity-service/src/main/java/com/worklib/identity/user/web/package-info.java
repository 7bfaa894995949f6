/** HTTP for sign-up, email verification, login help and {@code /me}. */
package com.worklib.identity.user.web;
