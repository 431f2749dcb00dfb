// Package contracttest holds the tests that every tool which names or
// writes content agrees with the contract of internal/content, the one
// home of its rules: "mohinh new" (internal/newreg), "mohinh check --fix"
// (internal/check), the registration form (its schema and tables, built
// by internal/render) and the loader itself.
//
//   - filenames_test.go: the three name the same file for the same title,
//     on the cases of internal/content/testdata/file-names.json, which the
//     browser test of the form (internal/browsertest) types in too;
//   - keys_test.go: every key of a registration is known to the loader,
//     to the form's schema and page, and to the file of "mohinh new".
//
// It has no code of its own: a package that imported all of these to
// learn a rule would be the second home the contract forbids.
package contracttest
