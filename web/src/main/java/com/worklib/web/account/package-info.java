/** Sign-up, the verification step where the password is chosen, and login help. */
package com.worklib.web.account;
