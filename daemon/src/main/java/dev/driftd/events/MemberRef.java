package dev.driftd.events;

/** A fleet member an event was attributed to. */
public record MemberRef(String fleet, String member) {
}
