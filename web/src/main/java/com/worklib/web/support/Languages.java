package com.worklib.web.support;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * French first, English second: the browser's Accept-Language chooses until the person
 * picks a language in the header ({@code ?lang=en}), which a cookie keeps for a year.
 */
@Configuration(proxyBeanMethods = false)
class Languages implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("WORKLIB_LANG") {
			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				Locale chosen = super.resolveLocale(request);
				return SUPPORTED.stream()
					.filter(l -> l.getLanguage().equals(chosen.getLanguage()))
					.findFirst()
					.orElse(Locale.FRENCH);
			}
		};
		// the first language of Accept-Language that we speak; French when none
		resolver.setDefaultLocaleFunction(request -> {
			String header = request.getHeader("Accept-Language");
			if (header == null || header.isBlank()) {
				return Locale.FRENCH;
			}
			Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
			return best != null ? best : Locale.FRENCH;
		});
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

}
