package search

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/pipeline/extract"
)

// Occur says how a clause combines with the others.
type Occur int

// Occurrences of a clause. A plain word or field clause is required (Must): a
// query means all of its terms, as recoll's and Google's do. Should marks the
// members of an OR group (Clause.Group), of which at least one is required;
// MustNot excludes (-word).
const (
	Should Occur = iota
	Must
	MustNot
)

// Clause is one term of a query: a word or "phrase", optionally in a field.
type Clause struct {
	Occur Occur
	Field string // "" for text; or a query prefix (index.Prefixes)
	Value string // a quoted value without its quotes
	// Group numbers an OR group (a OR b OR c): its members share a Group > 0
	// and Occur Should. 0: the clause stands alone.
	Group int
	// Quoted says the value was written in quotes (person:"To Lam").
	Quoted bool
	// Auto says the parser added the clause: a plain word that is a document
	// code (35-CT/TW) is also read as document:35-CT/TW, in an OR group with
	// the word.
	Auto bool
}

// Query is a parsed query.
type Query struct{ Clauses []Clause }

// String writes q back in the query language, one normal form (the grammar
// tests compare it): groups as a OR b, values quoted when they need it.
func (q *Query) String() string {
	var b strings.Builder
	for i, c := range q.Clauses {
		if i > 0 {
			if c.Group > 0 && q.Clauses[i-1].Group == c.Group {
				b.WriteString(" OR ")
			} else {
				b.WriteByte(' ')
			}
		}
		switch c.Occur {
		case MustNot:
			b.WriteByte('-')
		}
		if c.Field != "" {
			b.WriteString(c.Field + ":")
		}
		if c.Quoted || strings.ContainsAny(c.Value, " \t") {
			b.WriteString(`"` + c.Value + `"`)
		} else {
			b.WriteString(c.Value)
		}
	}
	return b.String()
}

// SyntaxError is a query the parser refuses, with the byte position of the problem.
type SyntaxError struct {
	Query string
	Pos   int
	Msg   string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("query syntax: %s at position %d: %s", e.Msg, e.Pos+1, pointAt(e.Query, e.Pos))
}

func pointAt(q string, pos int) string {
	if pos >= len(q) {
		return q + "⟨end⟩"
	}
	return q[:pos] + "⟨" + q[pos:]
}

// ParseQuery parses the query language (see QueryHelp): words, "phrases",
// field:value and field:"value" for the index.QueryFields, all required; OR
// between two terms makes either do; -term excludes; +term is accepted and
// means what a plain term does. An unknown field name is an error; a URL
// (scheme://…) and a colon after anything but letters are text. A plain word
// that is a document code (35-CT/TW) is read as that word OR document:35-CT/TW.
func ParseQuery(s string) (*Query, error) {
	q := &Query{}
	i := 0
	group := 0
	orPending := -1 // position of an OR waiting for its right-hand term
	for {
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += size
		}
		if i >= len(s) {
			break
		}
		start := i
		if isOr(s, i) {
			if len(q.Clauses) == 0 || orPending >= 0 {
				return nil, &SyntaxError{s, i, "OR must stand between two terms"}
			}
			if q.Clauses[len(q.Clauses)-1].Occur == MustNot {
				return nil, &SyntaxError{s, i, "OR cannot join an excluded (-) term"}
			}
			orPending = i
			i += 2
			continue
		}
		c := Clause{Occur: Must}
		switch s[i] {
		case '+':
			i++
		case '-':
			c.Occur = MustNot
			i++
		}
		if i >= len(s) || isSpaceAt(s, i) {
			return nil, &SyntaxError{s, start, "a + or - must stand right before a word"}
		}
		// field name?
		j := i
		for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] == '_') {
			j++
		}
		if j < len(s) && s[j] == ':' && j > i && !strings.HasPrefix(s[j:], "://") &&
			(isQueryField(strings.ToLower(s[i:j])) || j+1 < len(s) && !isSpaceAt(s, j+1)) {
			// (a word ending in a colon, as in a pasted sentence, is text)
			name := strings.ToLower(s[i:j])
			if !isQueryField(name) {
				return nil, &SyntaxError{s, i, fmt.Sprintf("unknown field %q (fields: %s)", s[i:j], strings.Join(index.QueryFields, ", "))}
			}
			c.Field = name
			i = j + 1
			if i >= len(s) || isSpaceAt(s, i) {
				return nil, &SyntaxError{s, i, "field " + name + ": needs a value"}
			}
		}
		if s[i] == '"' {
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				return nil, &SyntaxError{s, i, "unclosed quote"}
			}
			c.Value = s[i+1 : i+1+end]
			c.Quoted = true
			i += end + 2
		} else {
			j := i
			for j < len(s) {
				r, size := utf8.DecodeRuneInString(s[j:])
				if unicode.IsSpace(r) {
					break
				}
				j += size
			}
			c.Value = s[i:j]
			i = j
		}
		if strings.TrimSpace(c.Value) == "" {
			return nil, &SyntaxError{s, start, "empty term"}
		}
		if orPending >= 0 {
			if c.Occur == MustNot {
				return nil, &SyntaxError{s, start, "OR cannot join an excluded (-) term"}
			}
			prev := &q.Clauses[len(q.Clauses)-1]
			if prev.Group == 0 {
				group++
				prev.Group, prev.Occur = group, Should
			}
			c.Group, c.Occur = prev.Group, Should
			orPending = -1
		}
		q.Clauses = append(q.Clauses, c)
	}
	if orPending >= 0 {
		return nil, &SyntaxError{s, orPending, "OR must stand between two terms"}
	}
	if len(q.Clauses) == 0 {
		return nil, &SyntaxError{s, 0, "empty query"}
	}
	onlyNot := true
	for _, c := range q.Clauses {
		if c.Occur != MustNot {
			onlyNot = false
		}
	}
	if onlyNot {
		return nil, &SyntaxError{s, 0, "a query needs at least one term that is not excluded with -"}
	}
	return autoDocuments(q, group), nil
}

// isOr reports whether the word at s[i:] is the operator OR (upper case,
// standing alone).
func isOr(s string, i int) bool {
	return strings.HasPrefix(s[i:], "OR") && (i+2 == len(s) || isSpaceAt(s, i+2))
}

func isSpaceAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

// autoDocuments reads a plain word that is a document code (a number, a dash or
// slash, letters: 35-CT/TW, 18-एनक्यू/टीडब्ल्यू) as the word OR that document, so
// that it finds the code in every script's letter names; an excluded code
// excludes both.
func autoDocuments(q *Query, group int) *Query {
	var out []Clause
	for _, c := range q.Clauses {
		if c.Field != "" || c.Quoted || !looksLikeCode(c.Value) {
			out = append(out, c)
			continue
		}
		code := extract.CanonicalDocument(c.Value)
		if code == "" {
			out = append(out, c)
			continue
		}
		if c.Occur == MustNot { // -35-CT/TW: neither the word nor the document
			out = append(out, c, Clause{Occur: MustNot, Field: "document", Value: c.Value, Auto: true})
			continue
		}
		if c.Group == 0 {
			group++
			c.Group, c.Occur = group, Should
		}
		out = append(out, c, Clause{Occur: Should, Field: "document", Value: c.Value, Group: c.Group, Auto: true})
	}
	q.Clauses = out
	return q
}

// looksLikeCode is the cheap test before CanonicalDocument: a digit first, a
// dash or slash inside, a letter after it.
func looksLikeCode(v string) bool {
	if v == "" || !unicode.IsDigit(rune(v[0])) {
		return false
	}
	k := strings.IndexAny(v, "-/")
	if k < 0 {
		return false
	}
	for _, r := range v[k:] {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isQueryField(name string) bool {
	for _, f := range index.QueryFields {
		if f == name {
			return true
		}
	}
	return false
}
