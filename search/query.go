package search

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/partynews/partynews/index"
)

// Occur says how a clause combines with the others.
type Occur int

// Occurrences of a clause: ranked optional, required (+), excluded (-).
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
}

// Query is a parsed query.
type Query struct{ Clauses []Clause }

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

// ParseQuery parses the query language: words, "phrases", +must, -mustnot and
// field:value or field:"value" for the index.QueryFields. An unknown field name is an
// error; a URL (scheme://…) and a colon after anything but letters are text.
func ParseQuery(s string) (*Query, error) {
	q := &Query{}
	i := 0
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
		c := Clause{}
		start := i
		switch s[i] {
		case '+':
			c.Occur = Must
			i++
		case '-':
			c.Occur = MustNot
			i++
		}
		if i >= len(s) || s[i] == ' ' {
			return nil, &SyntaxError{s, start, "a + or - must stand right before a word"}
		}
		// field name?
		j := i
		for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] == '_') {
			j++
		}
		if j < len(s) && s[j] == ':' && j > i && !strings.HasPrefix(s[j:], "://") {
			name := strings.ToLower(s[i:j])
			if !isQueryField(name) {
				return nil, &SyntaxError{s, i, fmt.Sprintf("unknown field %q (fields: %s)", s[i:j], strings.Join(index.QueryFields, ", "))}
			}
			c.Field = name
			i = j + 1
			if i >= len(s) || s[i] == ' ' {
				return nil, &SyntaxError{s, i, "field " + name + ": needs a value"}
			}
		}
		if s[i] == '"' {
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				return nil, &SyntaxError{s, i, "unclosed quote"}
			}
			c.Value = s[i+1 : i+1+end]
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
		q.Clauses = append(q.Clauses, c)
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
	return q, nil
}

func isQueryField(name string) bool {
	for _, f := range index.QueryFields {
		if f == name {
			return true
		}
	}
	return false
}
