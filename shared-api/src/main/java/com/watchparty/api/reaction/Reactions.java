package com.watchparty.api.reaction;

import java.util.List;

/** The reactions a room offers: a small fixed set, so a window's counts stay a handful of numbers. */
public final class Reactions {

    public static final List<String> EMOJI = List.of("👍", "😂", "😮", "😢", "❤️", "🎉");

    private Reactions() {
    }
}
