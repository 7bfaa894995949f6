/**
 * Pieces several identity features use: single-use tokens, the password policy, mail
 * requests.
 */
package com.worklib.identity.shared;
