package index

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// Copies. The same text at several paths is one document. Its first path (the
// paths it was indexed with) is its own, stored with it; every later path is a
// copy record: a small bleve document with the keyword terms of FieldPath,
// FieldFile and FieldCopyOf (the document's ID), no text and no source. So a
// copy costs a few terms, however many copies the text has: re-indexing the
// whole document and its growing list of files for every copy made a first
// import of 1,000,000 generated articles, where some texts recur thousands of
// times, slow down to half its rate (issue 13).
//
// A copy record has no field a query asks for, so no search finds it; the
// readers add the paths of a document's copies to its own (Reader.complete),
// and the manifest (FieldFile, FieldPath) holds every path either way. A
// document lives while it has a path of its own or a copy: when its own
// paths are removed and copies remain, it stays, and its paths are its
// copies'.

const copyPrefix = "copy:"

// copyID is the ID of the copy record of document owner at path.
func copyID(owner, path string) string { return copyPrefix + owner + ":" + path }

// parseCopyID returns the document and the path of a copy record's ID; ok is
// false for the ID of a document. Document IDs are hex digests: no colon.
func parseCopyID(id string) (owner, path string, ok bool) {
	rest, ok := strings.CutPrefix(id, copyPrefix)
	if !ok {
		return "", "", false
	}
	owner, path, ok = strings.Cut(rest, ":")
	return owner, path, ok
}

// isCopy reports whether a bleve document ID is a copy record's.
func isCopy(id string) bool { _, _, ok := parseCopyID(id); return ok }

// copyDocument is the bleve document of the copy record of owner at st.Path.
func copyDocument(owner string, st Stat) (*document.Document, int) {
	id := copyID(owner, st.Path)
	doc := document.NewDocument(id)
	file := fileTerm(st.Path, st.Size, st.ModTime)
	doc.AddField(keywordField(FieldPath, nil, st.Path))
	doc.AddField(keywordField(FieldFile, nil, file))
	doc.AddField(keywordField(FieldCopyOf, nil, owner))
	doc.SetIndexed()
	return doc, len(id) + len(file) + len(owner)
}

// copyPaths returns the paths of the copy records of document id in r.
func copyPaths(r index.IndexReader, id string) ([]string, error) {
	tfr, err := r.TermFieldReader(context.Background(), []byte(id), FieldCopyOf, false, false, false)
	if err != nil {
		return nil, err
	}
	defer tfr.Close()
	var out []string
	var d *index.TermFieldDoc
	for {
		if d, err = tfr.Next(d); err != nil || d == nil {
			return out, err
		}
		ext, err := r.ExternalID(d.ID)
		if err != nil {
			return nil, err
		}
		if _, p, ok := parseCopyID(ext); ok {
			out = append(out, p)
		}
	}
}

// withCopies adds to d's paths the paths of its copy records in r, all in order.
func withCopies(r index.IndexReader, d *Document) error {
	more, err := copyPaths(r, d.ID)
	if err != nil || len(more) == 0 {
		return err
	}
	d.Paths = append(d.Paths, more...)
	slices.Sort(d.Paths)
	d.Paths = slices.Compact(d.Paths)
	return nil
}

// indexCopy writes the copy record of owner at st.Path into the batch.
func (w *shard) indexCopy(owner string, st Stat) error {
	doc, size := copyDocument(owner, st)
	if err := w.batch.IndexAdvanced(doc); err != nil {
		return fmt.Errorf("index copy %s: %w", doc.ID(), err)
	}
	w.pendingCopies[doc.ID()] = owner
	w.batchBytes += size
	return nil
}

// dropCopy deletes a copy record, and its document when the document has no
// path left. It reports whether the record existed.
func (w *shard) dropCopy(id string) (bool, error) {
	owner, _, _ := parseCopyID(id)
	if o, ok := w.pendingCopies[id]; ok && o == "" {
		return false, nil // deleted in this batch already
	}
	w.batch.Delete(id)
	w.pendingCopies[id] = ""
	d, err := w.document(owner)
	if err != nil || d == nil || len(d.Files) > 0 {
		return true, err
	}
	has, err := w.hasCopies(owner)
	if err != nil || has {
		return true, err
	}
	w.batch.Delete(owner)
	w.dropDoc(owner)
	w.pendingDocs[owner] = nil
	return true, nil
}

// hasCopies reports whether document owner has a copy record, in the index as
// written so far and the pending batch.
func (w *shard) hasCopies(owner string) (bool, error) {
	for _, o := range w.pendingCopies {
		if o == owner {
			return true, nil
		}
	}
	r, err := snapshot(w.idx)
	if err != nil {
		return false, err
	}
	defer r.Close()
	paths, err := copyPaths(r, owner)
	if err != nil {
		return false, err
	}
	for _, p := range paths {
		if o, ok := w.pendingCopies[copyID(owner, p)]; !ok || o != "" {
			return true, nil
		}
	}
	return false, nil
}
