package deps
import (
_ "github.com/chromedp/chromedp"
_ "github.com/chromedp/cdproto/network"
_ "github.com/corsa-go/corsa/core"
)
