'use strict';
/**
 * An area's routes live in one file per section of the contract, each a class of methods; this
 * copies them onto the area's class, so `this` is the area in every one of them.
 */
function withSections(Area, ...sections) {
	for (const section of sections) {
		for (const name of Object.getOwnPropertyNames(section.prototype)) {
			if (name === 'constructor') continue;
			if (Object.prototype.hasOwnProperty.call(Area.prototype, name))
				throw new Error(`${Area.name}.${name} defined twice`);
			Object.defineProperty(Area.prototype, name, Object.getOwnPropertyDescriptor(section.prototype, name));
		}
	}
}

module.exports = { withSections };
