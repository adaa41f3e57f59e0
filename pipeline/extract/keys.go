package extract

import "strings"

// setKeys fills in the canonical keys of entities: the one place where an
// entity's index keys are computed.
func setKeys(es []Entity) {
	for i := range es {
		SetKeys(&es[i])
	}
}

// SetKeys fills in the canonical keys of one entity, as All does for every
// entity it returns (for entities stored before they carried keys).
func SetKeys(e *Entity) {
	switch e.Type {
	case Person:
		if e.Key != "" {
			e.Skeleton = SkeletonKey(e.Key)
		}
	case Document:
		e.Folded = FoldDocument(e.Value)
	}
}

// QueryEntity canonicalises the value of a query's field clause (person:,
// document: …) into the entity it names, with the keys an extracted entity of
// that type would carry, so that a query and the text compare alike. The second
// result is false for fields whose values are not canonicalised.
//
// A person's key falls back to the value itself when it has no key; a document
// code that does not parse is upper-cased and folded.
func QueryEntity(field, value string) (Entity, bool) {
	switch field {
	case Person:
		e := Entity{Type: Person, Text: value, Value: value, Key: PersonKey(value)}
		if e.Key == "" {
			e.Key = value
		}
		e.Skeleton = SkeletonKey(e.Key)
		return e, true
	case Document:
		code := CanonicalDocument(value)
		if code == "" {
			code = strings.ToUpper(value)
		}
		return Entity{Type: Document, Text: value, Value: code, Folded: FoldDocument(code)}, true
	}
	return Entity{}, false
}
