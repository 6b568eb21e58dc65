//go:build !js

package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/wasm/lti"
	"github.com/purposefulcx/purposeful/wasm/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPlatforms(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	p := lti.Platform{ID: "p1", Org: "acme", Name: "Canvas", Issuer: "https://canvas.example", ClientID: "c1",
		DeploymentIDs: []string{"d1", "d2"}, AuthURL: "https://canvas.example/auth", TokenURL: "https://canvas.example/token",
		JWKSURL: "https://canvas.example/jwks", CreatedAt: 1}
	require.NoError(t, s.AddPlatform(ctx, p))
	dup := p
	dup.ID, dup.Org = "p2", "globex"
	assert.ErrorIs(t, s.AddPlatform(ctx, dup), store.ErrConflict, "one issuer and client id belong to one registration")
	got, err := s.Platform(ctx, "p1")
	require.NoError(t, err)
	assert.Equal(t, p, got)
	list, err := s.Platforms(ctx, "globex")
	require.NoError(t, err)
	assert.Empty(t, list)
	byIss, err := s.PlatformsByIssuer(ctx, "https://canvas.example")
	require.NoError(t, err)
	assert.Len(t, byIss, 1)
	assert.ErrorIs(t, s.DeletePlatform(ctx, "globex", "p1"), store.ErrNotFound, "another organisation cannot remove it")
	require.NoError(t, s.DeletePlatform(ctx, "acme", "p1"))
	_, err = s.Platform(ctx, "p1")
	assert.ErrorIs(t, err, store.ErrNotFound)
}

func TestStateIsTakenOnce(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	require.NoError(t, s.PutState(ctx, store.LTIState{State: "s1", PlatformID: "p", Nonce: "n", BrowserHash: "b", ExpiresAt: 100}, 10))
	require.NoError(t, s.PutState(ctx, store.LTIState{State: "old", PlatformID: "p", Nonce: "n", ExpiresAt: 50}, 10))
	st, err := s.TakeState(ctx, "s1", 20)
	require.NoError(t, err)
	assert.Equal(t, "n", st.Nonce)
	_, err = s.TakeState(ctx, "s1", 20)
	assert.ErrorIs(t, err, store.ErrNotFound, "a state is used once")
	_, err = s.TakeState(ctx, "old", 60)
	assert.ErrorIs(t, err, store.ErrNotFound, "an expired state is refused")
}

func TestNonceOnce(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	require.NoError(t, s.Batch(ctx, store.NonceStmt("p", "n1", 100)))
	used, err := s.NonceUsed(ctx, "p", "n1")
	require.NoError(t, err)
	assert.True(t, used)
	assert.ErrorIs(t, s.Batch(ctx, store.NonceStmt("p", "n1", 100)), store.ErrConflict)
	require.NoError(t, s.PurgeLTI(ctx, 200))
	used, _ = s.NonceUsed(ctx, "p", "n1")
	assert.False(t, used, "expired nonces are purged")
}

func TestAccessTokens(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	a := store.AccessTokens{S: s}
	now := time.UnixMilli(1000)
	require.NoError(t, a.PutToken(ctx, "p", "score", "t1", now.Add(time.Minute)))
	require.NoError(t, a.PutToken(ctx, "p", "score", "t2", now.Add(time.Minute)))
	tok, err := a.Token(ctx, "p", "score", now)
	require.NoError(t, err)
	assert.Equal(t, "t2", tok)
	tok, _ = a.Token(ctx, "p", "score", now.Add(2*time.Minute))
	assert.Empty(t, tok, "an expired token is not returned")
	require.NoError(t, a.DropToken(ctx, "p", "score"))
	tok, _ = a.Token(ctx, "p", "score", now)
	assert.Empty(t, tok)
}

func TestScoreOutboxClaims(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	sc := store.LTIScore{ID: "a1", Org: "acme", PlatformID: "p", LineItem: "https://x/li", Body: []byte(`{}`), CreatedAt: 1}
	require.NoError(t, s.Batch(ctx, store.ScoreStmt(sc), store.ScoreStmt(sc)))
	out, err := s.ScoreOutbox(ctx, "", 10, 10)
	require.NoError(t, err)
	require.Len(t, out, 1, "an attempt is queued once")
	ok, err := s.ClaimScore(ctx, "a1", 10, 100)
	require.NoError(t, err)
	assert.True(t, ok)
	ok, _ = s.ClaimScore(ctx, "a1", 20, 110)
	assert.False(t, ok, "a held score cannot be claimed again")
	out, _ = s.ScoreOutbox(ctx, "acme", 20, 10)
	assert.Empty(t, out)
	require.NoError(t, s.MarkScoreFailed(ctx, "a1", "platform down"))
	out, _ = s.ScoreOutbox(ctx, "acme", 20, 10)
	require.Len(t, out, 1)
	assert.Equal(t, "platform down", out[0].LastError)
	ok, _ = s.ClaimScore(ctx, "a1", 30, 130)
	require.True(t, ok)
	require.NoError(t, s.MarkScoreSent(ctx, "a1", 31))
	out, _ = s.ScoreOutbox(ctx, "", 1000, 10)
	assert.Empty(t, out)
	got, err := s.Score(ctx, "a1")
	require.NoError(t, err)
	assert.Equal(t, int64(31), got.SentAt)
	assert.Equal(t, 2, got.Attempts)
}
