package com.watchparty.api.room;

import java.util.UUID;

/**
 * The live state of a party's room: answered with a {@link RoomSnapshot}; subscribers then get a
 * {@link RoomUpdate} for every later event of the party, each with the party's sequence number.
 */
public record RoomQuery(UUID partyId) {
}
