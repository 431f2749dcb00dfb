// Package forgetest holds the tests that run a real forge: a Gitea (or
// Forgejo) server started from its binary in a temporary folder, with a
// site repository pushed to it by git, and the registration form's
// new-file link followed in Debian's headless Chromium to the forge's
// pre-filled page for a new file.
//
// The server's binary is $MOHINH_GITEA, or gitea or forgejo on PATH or in
// $(go env GOPATH)/bin. Without one the tests skip, saying so, also under
// CI: install-gitea.sh here builds Gitea from its source on the Go module
// proxy and its web assets from npm packages. MOHINH_SCREENSHOTS=DIR saves
// a screenshot of the forge's page there.
package forgetest
