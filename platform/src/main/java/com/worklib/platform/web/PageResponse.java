package com.worklib.platform.web;

import com.worklib.platform.domain.FieldValidationException;
import java.util.List;
import java.util.function.Function;

/**
 * A page of a list, as every list endpoint answers: {@code {"items": [...], "page":
 * {...}}}.
 */
public record PageResponse<T>(List<T> items, PageInfo page) {

	public static final int MAX_SIZE = 200;

	public record PageInfo(int number, int size, long totalElements, int totalPages) {
	}

	public static <T> PageResponse<T> of(List<T> items, PageQuery query, long totalElements) {
		int totalPages = (int) ((totalElements + query.size() - 1) / query.size());
		return new PageResponse<>(items, new PageInfo(query.page(), query.size(), totalElements, totalPages));
	}

	/**
	 * A list that is never long (a team, a place's workspaces) as one page holding all of
	 * it.
	 */
	public static <T> PageResponse<T> all(List<T> items) {
		return of(items, new PageQuery(0, Math.max(1, items.size())), items.size());
	}

	/** The requested page of a list already in memory. */
	public static <T> PageResponse<T> slice(List<T> all, PageQuery query) {
		int from = (int) Math.min(all.size(), query.offset());
		int to = Math.min(all.size(), from + query.size());
		return of(all.subList(from, to), query, all.size());
	}

	public <R> PageResponse<R> map(Function<T, R> mapper) {
		return new PageResponse<>(this.items.stream().map(mapper).toList(), this.page);
	}

	/**
	 * How deep a list may be paged: {@code page * size} at most this many rows. Deeper
	 * pages are refused (400) instead of asking the database to skip millions of rows or
	 * overflowing an offset; nobody reads a list that far, a filter narrows it.
	 */
	public static final long MAX_OFFSET = 100_000;

	/**
	 * {@code ?page=0&size=50}, size at most {@value #MAX_SIZE}, {@code page * size} at
	 * most {@value #MAX_OFFSET}; bad values are 400 naming the parameter.
	 */
	public record PageQuery(int page, int size) {

		public static PageQuery of(Integer page, Integer size) {
			int p = page == null ? 0 : page;
			int s = size == null ? 50 : size;
			if (p < 0) {
				throw FieldValidationException.of("page", "must be 0 or more");
			}
			if (s < 1 || s > MAX_SIZE) {
				throw FieldValidationException.of("size", "must be between 1 and " + MAX_SIZE);
			}
			if ((long) p * s > MAX_OFFSET) {
				throw FieldValidationException.of("page", "must be at most " + MAX_OFFSET / s + " with size " + s
						+ " (narrow the list with its filters)");
			}
			return new PageQuery(p, s);
		}

		public long offset() {
			return (long) this.page * this.size;
		}

	}

}
