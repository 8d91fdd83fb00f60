// Package websocket holds two servers that check the Origin of WebSocket
// upgrades with the same corsa policy as their HTTP API: gorilla, with
// gorilla/websocket's Upgrader.CheckOrigin, and coder, with
// coder/websocket's Accept.
//
// CORS does not protect WebSocket upgrades: a browser opens a WebSocket
// to any site from any page, with that site's cookies and without a
// preflight, so the server must check Origin itself (see SECURITY.md).
package websocket
