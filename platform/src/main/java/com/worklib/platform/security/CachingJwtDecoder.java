package com.worklib.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The service's JWT decoder (issuer, JWKS, expiry as configured) behind a
 * {@link VerifiedTokenCache}.
 */
final class CachingJwtDecoder implements JwtDecoder {

	private final JwtDecoder delegate;

	private final VerifiedTokenCache cache;

	CachingJwtDecoder(JwtDecoder delegate, VerifiedTokenCache cache) {
		this.delegate = delegate;
		this.cache = cache;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt remembered = this.cache.get(token);
		return (remembered != null) ? remembered : this.cache.remember(token, this.delegate.decode(token));
	}

}
