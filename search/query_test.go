package search

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/partynews/partynews/index"
)

// clauses writes the parsed clauses one by one: occurrence (+ must, | an OR
// group's member with its number, - excluded), field, value, q for quoted,
// a for added by the parser.
func clauses(q *Query) string {
	var out []string
	for _, c := range q.Clauses {
		s := ""
		switch c.Occur {
		case Must:
			s = "+"
		case MustNot:
			s = "-"
		case Should:
			s = fmt.Sprintf("|%d", c.Group)
		}
		if c.Field != "" {
			s += c.Field + ":"
		}
		s += "[" + c.Value + "]"
		if c.Quoted {
			s += "q"
		}
		if c.Auto {
			s += "a"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// The query grammar: each query, the clauses it parses into, and its normal form.
func TestQueryGrammar(t *testing.T) {
	tests := []struct{ in, clauses, norm string }{
		{"party", "+[party]", "party"},
		{"party congress", "+[party] +[congress]", "party congress"},
		{"+party congress", "+[party] +[congress]", "party congress"},
		{"party -congress", "+[party] -[congress]", "party -congress"},
		{"party OR congress", "|1[party] |1[congress]", "party OR congress"},
		{"a OR b OR c d", "|1[a] |1[b] |1[c] +[d]", "a OR b OR c d"},
		{"a OR b c OR d", "|1[a] |1[b] |2[c] |2[d]", "a OR b OR c OR d"[:len("a OR b")] + " c OR d"},
		{"a or b", "+[a] +[or] +[b]", "a or b"}, // only OR in capitals is the operator
		{`"party congress" lang:hi`, `+[party congress]q +lang:[hi]`, `"party congress" lang:hi`},
		{"document:18-NQ/TW lang:hi", "+document:[18-NQ/TW] +lang:[hi]", "document:18-NQ/TW lang:hi"},
		{`person:"To Lam"`, `+person:[To Lam]q`, `person:"To Lam"`},
		{"person:To Lam", "+person:[To] +[Lam]", "person:To Lam"},
		{"Person:Lam", "+person:[Lam]", "person:Lam"},
		{"lang:hi OR lang:ur party", "|1lang:[hi] |1lang:[ur] +[party]", "lang:hi OR lang:ur party"},
		{"35-CT/TW", "|1[35-CT/TW] |1document:[35-CT/TW]a", "35-CT/TW OR document:35-CT/TW"},
		{"35-CT/TW lang:hi", "|1[35-CT/TW] |1document:[35-CT/TW]a +lang:[hi]", "35-CT/TW OR document:35-CT/TW lang:hi"},
		{"-35-CT/TW party", "-[35-CT/TW] -document:[35-CT/TW]a +[party]", "-35-CT/TW -document:35-CT/TW party"},
		{`"35-CT/TW"`, `+[35-CT/TW]q`, `"35-CT/TW"`}, // quoted: the word alone
		{"2024-12 party", "+[2024-12] +[party]", "2024-12 party"},
		{"including: party", "+[including:] +[party]", "including: party"}, // a colon ending a word is text
		{"https://nhandan.vn/x", "+[https://nhandan.vn/x]", "https://nhandan.vn/x"},
		{"date:>=2024-01-01 figure:10..20", "+date:[>=2024-01-01] +figure:[10..20]", "date:>=2024-01-01 figure:10..20"},
		{"source:nhandan -lang:vi", "+source:[nhandan] -lang:[vi]", "source:nhandan -lang:vi"},
	}
	for _, tc := range tests {
		q, err := ParseQuery(tc.in)
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", tc.in, err)
			continue
		}
		if got := clauses(q); got != tc.clauses {
			t.Errorf("ParseQuery(%q) = %s, want %s", tc.in, got, tc.clauses)
		}
		if got := q.String(); got != tc.norm {
			t.Errorf("ParseQuery(%q).String() = %q, want %q", tc.in, got, tc.norm)
		}
		// the normal form parses into the same clauses (but quoting)
		q2, err := ParseQuery(q.String())
		if err != nil {
			t.Errorf("ParseQuery(%q) (normal form of %q): %v", q.String(), tc.in, err)
		} else if strings.ReplaceAll(clauses(q2), "]q", "]") != strings.ReplaceAll(clauses(q), "]q", "]") &&
			!strings.Contains(tc.in, "-CT/TW") {
			t.Errorf("normal form %q parses into %s, want %s", q.String(), clauses(q2), clauses(q))
		}
	}
}

func TestQueryGrammarErrors(t *testing.T) {
	tests := []struct{ in, msg string }{
		{"", "empty query"},
		{"-party", "at least one term that is not excluded"},
		{"OR party", "OR must stand between two terms"},
		{"party OR", "OR must stand between two terms"},
		{"a OR OR b", "OR must stand between two terms"},
		{"a OR -b", "OR cannot join an excluded"},
		{"-a OR b", "OR cannot join an excluded"},
		{`person:"To Lam`, "unclosed quote"},
		{"who:me", `unknown field "who"`},
		{"person: Lam", "needs a value"},
		{"- party", "must stand right before a word"},
		{`""`, "empty term"},
	}
	for _, tc := range tests {
		_, err := ParseQuery(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("ParseQuery(%q) error %v, want %q", tc.in, err, tc.msg)
		}
	}
}

// show writes a bleve query compactly: and(…), or(…), bool{must … filter …
// not …}, field=term, field~"phrase", field/regexp/, field*wildcard*, ranges;
// ^boost when set.
// untag shows the language tag of a text term as "en:".
func untag(term string) string { return strings.ReplaceAll(term, index.TagSep, ":") }

func show(q query.Query) string {
	boost := func(b *query.Boost) string {
		if b == nil || b.Value() == 1 {
			return ""
		}
		return fmt.Sprintf("^%g", b.Value())
	}
	list := func(qs []query.Query) string {
		var s []string
		for _, q := range qs {
			s = append(s, show(q))
		}
		return strings.Join(s, " ")
	}
	switch q := q.(type) {
	case *query.BooleanQuery:
		var parts []string
		if q.Must != nil {
			parts = append(parts, "must "+list(q.Must.(*query.ConjunctionQuery).Conjuncts))
		}
		if q.Should != nil {
			parts = append(parts, "should "+show(q.Should))
		}
		if q.Filter != nil {
			parts = append(parts, "filter "+show(q.Filter))
		}
		if q.MustNot != nil {
			parts = append(parts, "not "+list(q.MustNot.(*query.DisjunctionQuery).Disjuncts))
		}
		return "bool{" + strings.Join(parts, "; ") + "}"
	case *query.ConjunctionQuery:
		return "and(" + list(q.Conjuncts) + ")"
	case *query.DisjunctionQuery:
		return "or(" + list(q.Disjuncts) + ")" + boost(q.BoostVal)
	case *query.TermQuery:
		return q.FieldVal + "=" + untag(q.Term) + boost(q.BoostVal)
	case *query.PhraseQuery:
		return q.FieldVal + "~\"" + untag(strings.Join(q.Terms, " ")) + "\""
	case *query.RegexpQuery:
		return q.FieldVal + "/" + q.Regexp + "/" + boost(q.BoostVal)
	case *query.WildcardQuery:
		return q.FieldVal + ":" + q.Wildcard
	case *trieRange:
		return q.String()
	case *query.MatchNoneQuery:
		return "none"
	}
	return fmt.Sprintf("%T", q)
}

// The compiled query of each grammar form, over English alone (the lead and
// body fields' terms tagged en, shown en:term; "the" is an English stop word).
func TestCompile(t *testing.T) {
	en := "or(lead=en:%[1]s body=en:%[1]s)"
	w := func(s string) string { return fmt.Sprintf(en, s) }
	person := func(v, key, skel string) string {
		return fmt.Sprintf("or(or(person=%s)^4 or(person_key=%s)^2 or(person_skel=%s) or(person_key/(.+ )?%s( .+)?/^0.5 person_skel/(.+ )?%s( .+)?/^0.25))", v, key, skel, key, skel)
	}
	tests := []struct{ in, want string }{
		{"party", "bool{must or(" + w("parti") + ")}"},
		{"party congress", "bool{must or(and(" + w("parti") + " " + w("congress") + "))}"},
		{"party the", "bool{must or(" + w("parti") + ")}"}, // a stop word is not asked of English
		{"the", "none"},
		{"party OR congress", "bool{must or(or(" + w("parti") + " " + w("congress") + "))}"},
		{`"party congress"`, `bool{must or(or(lead~"en:parti en:congress" body~"en:parti en:congress"))}`},
		{"party -congress", "bool{must or(" + w("parti") + "); not or(" + w("congress") + ")}"},
		// field clauses filter when there are words; words rank
		{"party lang:hi", "bool{must or(" + w("parti") + "); filter lang=hi}"},
		{"document:18-NQ/TW lang:hi", "bool{must or(document=18-NQ/TW); filter lang=hi}"},
		{"party document:18-NQ/TW", "bool{must or(" + w("parti") + "); filter or(document=18-NQ/TW)}"},
		{"party lang:hi source:nhandan", "bool{must or(" + w("parti") + "); filter and(lang=hi source_url:*nhandan*)}"},
		{"lang:hi", "bool{filter lang=hi}"},
		{"lang:hi OR lang:ur", "bool{must or(lang=hi lang=ur)}"},
		// person: alone ranks by how the name matches; a part of a name is its syllables in a key
		{`person:"To Lam"`, "bool{must " + person("to lam", "to lam", "t lm") + "}"},
		{`person:"Pham Minh"`, "bool{must " + person("pham minh", "pham minh", "fm mn") + "}"},
		// one syllable: its key alone (its skeleton would match too many names)
		{"person:Chinh", "bool{must or(or(person=chinh)^4 or(person_key=chinh)^2 or(person_skel=kn) person_key/(.+ )?chinh( .+)?/^0.5)}"},
		{"document:NQ/TW", "bool{must or(or(document=NQ/TW) document/(.*[-/])?NQ/TW([-/].*)?/^0.5)}"},
		{"35-CT/TW", `bool{must or(or(or(lead~"en:35 en:ct en:tw" body~"en:35 en:ct en:tw")) or(document=35-CT/TW))}`},
		// a whole name (three syllables or more) and a whole code have no partial form
		{`person:"Pham Minh Chinh"`, "bool{must or(or(person=pham minh chinh)^4 or(person_key=pham minh chinh)^2 or(person_skel=fm mn kn))}"},
		{"date:2024-12", "bool{filter date_time[2024-12-01..2025-01-01)}"},
		{"figure:10..20 party", "bool{must or(" + w("parti") + "); filter figure[10..20]}"},
	}
	sr := &Searcher{}
	for _, tc := range tests {
		q, err := ParseQuery(tc.in)
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", tc.in, err)
			continue
		}
		bq, err := sr.build(q, []string{"en"}, SearchOptions{Canon: Canon})
		if err != nil {
			t.Errorf("build(%q): %v", tc.in, err)
			continue
		}
		if got := show(bq); got != tc.want {
			t.Errorf("build(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

// Over two languages, the words are asked of each language in its own terms.
func TestCompilePerLanguage(t *testing.T) {
	q, _ := ParseQuery("party the")
	bq, err := (&Searcher{}).build(q, []string{"en", "hi"}, SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := show(bq)
	// English drops "the"; Hindi keeps both words (no English stop words)
	for _, want := range []string{"or(lead=en:parti body=en:parti)", "and(or(lead=hi:party body=hi:party) or(lead=hi:the body=hi:the))"} {
		if !strings.Contains(got, want) {
			t.Errorf("build: %s\nwant it to contain %s", got, want)
		}
	}
	fields := map[string]bool{}
	for _, f := range strings.FieldsFunc(got, func(r rune) bool { return r == '(' || r == ' ' }) {
		if i := strings.IndexByte(f, '='); i > 0 {
			fields[f[:i]] = true
		}
	}
	var names []string
	for f := range fields {
		names = append(names, f)
	}
	sort.Strings(names)
	if strings.Join(names, " ") != "body lead" {
		t.Errorf("fields %v", names)
	}
}

// A probe that finds a word missing in a language leaves the language out;
// when it leaves none, the query matches nothing (not everything the filters
// let through).
func TestCompileProbe(t *testing.T) {
	missing := map[string]bool{"body|hi\x1fparti": true, "lead|hi\x1fparti": true, "body|hi\x1fparty": true, "lead|hi\x1fparty": true}
	probe := termProbe(func(field, term string) (bool, error) { return !missing[field+"|"+term], nil })
	sr := &Searcher{}
	tests := []struct{ in, want string }{
		{"party congress", "bool{must or(and(or(lead=en:parti body=en:parti) or(lead=en:congress body=en:congress)))}"},
		// Hindi keeps the group by its other member
		{"party OR zzz congress", "bool{must or(and(or(lead=en:congress body=en:congress) or(or(lead=en:parti body=en:parti) or(lead=en:zzz body=en:zzz))) and(or(lead=hi:congress body=hi:congress) or(or(lead=hi:zzz body=hi:zzz))))}"},
		{"party congress lang:hi", "bool{must or(and(or(lead=en:parti body=en:parti) or(lead=en:congress body=en:congress))); filter lang=hi}"},
		{"party", "bool{must or(or(lead=en:parti body=en:parti) or(lead=hi:party body=hi:party))}"}, // one word: not probed
	}
	for _, tc := range tests {
		q, _ := ParseQuery(tc.in)
		bq, err := sr.build(q, []string{"en", "hi"}, SearchOptions{probe: probe})
		if err != nil {
			t.Fatal(err)
		}
		if got := show(bq); got != tc.want {
			t.Errorf("build(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
	// English lacks congress too: no language is left
	missing["body|en\x1fcongress"], missing["lead|en\x1fcongress"] = true, true
	q, _ := ParseQuery("party congress lang:hi")
	bq, _ := sr.build(q, []string{"en", "hi"}, SearchOptions{probe: probe})
	if got := show(bq); got != "none" {
		t.Errorf("build: %s, want none", got)
	}
}
