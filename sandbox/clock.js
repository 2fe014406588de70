'use strict';
/** The sandbox's time: real time plus an offset that tests move forward (zombie agents, TTLs, windows). */
class Clock {
	offsetMs = 0;
	now() {
		return Date.now() + this.offsetMs;
	}
	iso() {
		return new Date(this.now()).toISOString();
	}
	advance(ms) {
		this.offsetMs += ms;
	}
}

module.exports = { Clock };
