package com.watchparty.api.party;

/**
 * Names the aggregate whose event stream is a party's log. The command side, which owns the aggregate, provides it
 * from the aggregate's own type; readers of the event store (the room feed) use it to tell a party's events from a
 * movie's or a ticket type's, and go on working whatever the class is called.
 *
 * @param type the aggregate type a party's events are stored under
 */
public record PartyAggregate(String type) {
}
