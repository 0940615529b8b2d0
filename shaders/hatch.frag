// Claimed or contested ground: the holder's colour in diagonal stripes, so it reads as not
// settled next to the solid fills. Stripes follow the window's pixels, not the map, so they keep
// their spacing at every zoom.
uniform float stripe_px;

void main() {
    float phase = mod(gl_FragCoord.x + gl_FragCoord.y, stripe_px) / stripe_px;
    float ink = phase < 0.45 ? 1.0 : 0.25;
    gl_FragColor = vec4(gl_Color.rgb, min(1.0, gl_Color.a * 1.9) * ink);
}
