/**
 * SHA-256 and size of each full UCI `PAMAP2_Dataset/Protocol/subject10N.dat`, copied from
 * `data/pamap2/SOURCE.md` ("Reference only … Git-LFS pointers in tusharmali/SHIELD_Health").
 * A unit test checks that these equal the table in SOURCE.md.
 */
export const PROTOCOL_FILE_HASHES: ReadonlyMap<number, { bytes: number; sha256: string }> = new Map([
  [101, { bytes: 141698539, sha256: '80b3fffd089c236ae88098df3b906b8d3c67a858023fe4f75045d78612147266' }],
  [102, { bytes: 207349310, sha256: '468f3c6ba3e6e961f383783665265afbcddbbd33a3a84bba0386b7d0d4e3c632' }],
  [103, { bytes: 117863364, sha256: '5be64631d085e3efc700728395516da3512ff9de17dab30d253508441a98d3f0' }],
  [104, { bytes: 153227482, sha256: '7eb272213cbfe11d9e466a2163b6c9c2ed8d2542fc6f08283fd1bf222cac8994' }],
  [105, { bytes: 173773599, sha256: '7837cfede57fe45ec20d553c6c2b0c498ab324daae23bfd202c0ffea9f71a7f6' }],
  [106, { bytes: 168263273, sha256: '0da1dda3fa56d75d6413fc9198949d3ebc2102d77574cb5fe0739674687609f2' }],
  [107, { bytes: 145823268, sha256: 'a02195e9599eb249f79103912d27eb4f62d8a0f59e4763b0dd8250fee5f3f020' }],
  [108, { bytes: 190019653, sha256: '81ce6b21b9c1e01dc02099c4f9387699547b08b28b387d09a56e0cb0a8af22fc' }],
  [109, { bytes: 3891140, sha256: '5109d5cd8334769566b4ae602adf3e5f4bb7b9ee8ca678f0c481d333114b07c7' }],
]);

/** `…/Protocol/subject10N.dat` → N-subject id, else null. */
export function protocolSubject(path: string): number | null {
  const m = /(?:^|\/)Protocol\/subject(10[1-9])\.dat$/.exec(path);
  return m ? Number(m[1]) : null;
}

/** Default download: the UCI archive of dataset 231 (works wherever the internet does). */
export const UCI_PAMAP2_URL = 'https://archive.ics.uci.edu/static/public/231/pamap2+physical+activity+monitoring.zip';
