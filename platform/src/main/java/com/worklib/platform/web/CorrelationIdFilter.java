package com.worklib.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the gateway's {@code X-Correlation-Id} (or a new one for a direct call) into the
 * logging context as {@code correlationId}, so every log line of a request can be found
 * from the id a user quotes to support; echoed on the response.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

	/** The header the gateway sets on every request it routes. */
	public static final String HEADER = "X-Correlation-Id";

	/** The logging context key. */
	public static final String MDC_KEY = "correlationId";

	private static final Pattern SAFE_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String incoming = request.getHeader(HEADER);
		String id = incoming != null && SAFE_ID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
		MDC.put(MDC_KEY, id);
		response.setHeader(HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

}
