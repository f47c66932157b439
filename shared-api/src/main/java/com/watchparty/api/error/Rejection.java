package com.watchparty.api.error;

/**
 * Why a command or query was refused. Travels as the details of Axon's {@code CommandExecutionException},
 * which is the part of an exception that survives a distributed command bus.
 *
 * @param field the request field at fault, in its wire (snake_case) spelling, or {@code null}
 */
public record Rejection(ErrorCode code, String message, String field) {
}
