package com.watchparty.api.catalog;

import java.util.UUID;

public record MovieView(UUID id, String title, int durationSeconds, String videoUrl, String posterUrl) {
}
