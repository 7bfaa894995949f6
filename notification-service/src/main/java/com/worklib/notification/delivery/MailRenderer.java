package com.worklib.notification.delivery;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a {@link MailContent}: texts from {@code mail/messages[_en|_fr].properties}
 * (French unless the recipient reads English), laid out by Thymeleaf into
 * {@code mail/layout.html} and {@code mail/layout.txt}, escaped as each format needs.
 */
@Component
public class MailRenderer {

	public static final Locale FRENCH = Locale.FRENCH;

	private final MessageSource messages;

	private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

	private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

	public MailRenderer() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("mail/messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		this.messages = source;
	}

	/** English for a recipient who chose English, French otherwise. */
	public static Locale locale(String preferred) {
		return preferred != null && preferred.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : FRENCH;
	}

	public record Rendered(String subject, String text, String html) {
	}

	public Rendered render(MailContent mail) {
		Locale locale = mail.locale();
		String subject = message(mail.template() + ".subject", mail.subjectArgs(), locale);
		Context context = new Context(locale);
		context.setVariable("lang", locale.getLanguage());
		context.setVariable("subject", subject);
		context.setVariable("greeting", mail.greetingName() == null ? message("greeting.anonymous", List.of(), locale)
				: message("greeting.named", List.of(mail.greetingName()), locale));
		context.setVariable("paragraphs",
				mail.paragraphs().stream().map(p -> message(p.key(), p.args(), locale)).toList());
		context.setVariable("details",
				mail.details()
					.stream()
					.map(d -> Map.of("label", message(d.labelKey(), List.of(), locale), "value", d.value()))
					.toList());
		context.setVariable("action", mail.action() == null ? null
				: Map.of("label", message(mail.action().labelKey(), List.of(), locale), "url", mail.action().url()));
		// French typography puts a space before the colon
		context.setVariable("separator", FRENCH.getLanguage().equals(locale.getLanguage()) ? " : " : ": ");
		context.setVariable("actionHint", message("action.hint", List.of(), locale));
		context.setVariable("signature", message("signature", List.of(), locale));
		return new Rendered(subject, this.text.process("layout", context), this.html.process("layout", context));
	}

	/**
	 * A text of the bundle on its own (role names, amount patterns) for use as an
	 * argument.
	 */
	public String text(String key, Locale locale, Object... args) {
		return message(key, List.of(args), locale);
	}

	private String message(String key, List<Object> args, Locale locale) {
		return this.messages.getMessage(key, args.toArray(), locale);
	}

	private static TemplateEngine engine(TemplateMode mode, String suffix) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		TemplateEngine engine = new TemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

}
