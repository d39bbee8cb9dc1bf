// Reads the iCalendar files named on the command line with ical.js (Mozilla's parser, independent of
// Python's icalendar) and prints what test_calendar.py checks, as one JSON array.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const summaries = process.argv.slice(2).map((path) => {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  const event = calendar.getFirstSubcomponent("vevent");
  const dtstart = event.getFirstProperty("dtstart");
  const person = (property) => ({
    address: property.getFirstValue(),
    cn: property.getParameter("cn"),
    role: property.getParameter("role"),
    partstat: property.getParameter("partstat"),
    rsvp: property.getParameter("rsvp"),
  });
  return {
    method: calendar.getFirstPropertyValue("method"),
    timezones: calendar.getAllSubcomponents("vtimezone").map((zone) => zone.getFirstPropertyValue("tzid")),
    uid: event.getFirstPropertyValue("uid"),
    sequence: event.getFirstPropertyValue("sequence"),
    status: event.getFirstPropertyValue("status"),
    summary: event.getFirstPropertyValue("summary"),
    location: event.getFirstPropertyValue("location"),
    url: event.getFirstPropertyValue("url"),
    dtstart_tzid: dtstart.getParameter("tzid"),
    dtstart_local: dtstart.getFirstValue().toString(),
    dtstart_utc: dtstart.getFirstValue().toJSDate().toISOString(),
    organizer: person(event.getFirstProperty("organizer")),
    attendees: event.getAllProperties("attendee").map(person),
  };
});
process.stdout.write(JSON.stringify(summaries));
