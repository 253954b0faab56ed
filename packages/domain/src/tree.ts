/** Rebuilds the nesting of flat rows (items, sub-items) ordered by position. */
export type TreeNode<T> = T & { children: Array<TreeNode<T>> };

export function buildTree<T extends { id: string; parentId: string | null; position: number }>(
  rows: readonly T[],
): Array<TreeNode<T>> {
  const nodes = new Map<string, TreeNode<T>>(rows.map((row) => [row.id, { ...row, children: [] }]));
  const roots: Array<TreeNode<T>> = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    // A row whose parent is not among the rows (filtered out) shows at the top.
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: Array<TreeNode<T>>) => {
    list.sort((a, b) => a.position - b.position);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}
