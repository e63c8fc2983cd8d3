//! Union-find over matched rows, and the choice of each cluster's survivor.

/// Disjoint sets over row indexes.
pub struct UnionFind {
    parent: Vec<u32>,
    rank: Vec<u8>,
}

impl UnionFind {
    /// `n` singleton sets.
    pub fn new(n: usize) -> UnionFind {
        UnionFind { parent: (0..n as u32).collect(), rank: vec![0; n] }
    }

    /// The representative of `x`'s set.
    pub fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while self.parent[root] as usize != root {
            root = self.parent[root] as usize;
        }
        let mut cur = x;
        while self.parent[cur] as usize != root {
            let next = self.parent[cur] as usize;
            self.parent[cur] = root as u32;
            cur = next;
        }
        root
    }

    /// Joins the sets of `a` and `b`; true if they were separate.
    pub fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        match self.rank[ra].cmp(&self.rank[rb]) {
            std::cmp::Ordering::Less => self.parent[ra] = rb as u32,
            std::cmp::Ordering::Greater => self.parent[rb] = ra as u32,
            std::cmp::Ordering::Equal => {
                self.parent[rb] = ra as u32;
                self.rank[ra] += 1;
            }
        }
        true
    }
}

/// Groups row indexes by set, each group in row order, groups ordered by their first row;
/// singletons are left out.
pub fn clusters(uf: &mut UnionFind) -> Vec<Vec<usize>> {
    let n = uf.parent.len();
    let roots: Vec<u32> = (0..n).map(|i| uf.find(i) as u32).collect();
    // Sizes first, so the singletons (nearly every row) are passed over without a group each.
    let mut size = vec![0u32; n];
    for &r in &roots {
        size[r as usize] += 1;
    }
    // A group's place is given when its first row is met: groups come in order of first row.
    let mut slot = vec![u32::MAX; n];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, &r) in roots.iter().enumerate() {
        let r = r as usize;
        if size[r] < 2 {
            continue;
        }
        if slot[r] == u32::MAX {
            slot[r] = groups.len() as u32;
            groups.push(Vec::with_capacity(size[r] as usize));
        }
        groups[slot[r] as usize].push(i);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unions_form_ordered_clusters() {
        let mut uf = UnionFind::new(7);
        uf.union(5, 1);
        uf.union(3, 6);
        uf.union(1, 6);
        uf.union(2, 4);
        assert!(!uf.union(6, 5));
        assert_eq!(clusters(&mut uf), vec![vec![1, 3, 5, 6], vec![2, 4]]);
    }

    proptest::proptest! {
        /// The groups are the sets of two or more rows, each in row order, ordered by first row.
        #[test]
        fn groups_are_the_sets_in_order(n in 1usize..60, unions in proptest::collection::vec((0usize..60, 0usize..60), 0..40)) {
            let mut uf = UnionFind::new(n);
            for (a, b) in unions {
                uf.union(a % n, b % n);
            }
            let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
            for i in 0..n {
                by_root.entry(uf.find(i)).or_default().push(i);
            }
            let mut want: Vec<Vec<usize>> = by_root.into_values().filter(|g| g.len() > 1).collect();
            want.sort_by_key(|g| g[0]);
            proptest::prop_assert_eq!(clusters(&mut uf), want);
        }
    }
}
