// Package crosscheck holds only tests: it checks corsa's embedded Public
// Suffix List table (core/internal/psl) and corsa.New's refusal of
// wildcard origin patterns against golang.org/x/net/publicsuffix, an
// independent implementation with its own copy of the list.
//
// It is a module of its own so that core stays free of requirements:
// x/net is needed here only. Go's internal-package rule is by import path,
// so this module, whose path is under github.com/corsa-go/corsa/core, may
// import core/internal/psl.
package crosscheck
