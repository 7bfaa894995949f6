package com.worklib.platform.web;

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

	public <R> PageResponse<R> map(Function<T, R> mapper) {
		return new PageResponse<>(this.items.stream().map(mapper).toList(), this.page);
	}

	/**
	 * {@code ?page=0&size=50}, size at most {@value #MAX_SIZE}; bad values are 400 naming
	 * the parameter.
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
			return new PageQuery(p, s);
		}

		public long offset() {
			return (long) this.page * this.size;
		}

	}

}
