import type { PublishedCell, PublishedTable } from '#domain/suppression'

/**
 * An attacker's view of published tables, written without the code under test (which reasons with cycles in a
 * graph): plain linear algebra and, for small tables, plain enumeration.
 *
 * Every figure of a table is a variable: inner cells, row totals, column totals, the grand total. The equations
 * are the sums that hold between them, plus any equation the attacker adds (the year is the sum of its quarters).
 * Published figures are known; a hidden figure is "derived" when the equations fix its value.
 */

/** The table with its row totals as the last column and its column totals (and the grand total) as the last row. */
const gridOf = (table: PublishedTable): PublishedCell[][] => [
  ...table.cells.map((line, row) => [...line, table.rowTotals[row]!]),
  [...table.columnTotals, table.total],
]

type Equation = { terms: { variable: number; coefficient: number }[] }

export class Disclosure {
  private variables: { known: boolean; label: string }[] = []
  private equations: Equation[] = []

  /** Adds one published table; returns the variable numbers of its augmented grid ((R+1) × (C+1)). */
  addTable(name: string, table: PublishedTable): number[][] {
    const ids = gridOf(table).map((line, row) => line.map((cell, column) => this.variable(cell.kind === 'count', `${name}[${row},${column}]`)))
    const [rows, columns] = [ids.length - 1, ids[0]!.length - 1]
    for (const line of ids) this.sum(line.slice(0, columns), line[columns]!)
    for (let column = 0; column <= columns; column++) this.sum(ids.slice(0, rows).map((line) => line[column]!), ids[rows]![column]!)
    return ids
  }

  /** A figure nobody published (a year the attacker thinks of): unknown, but it may appear in equations. */
  unknown(label: string) {
    return this.variable(false, label)
  }

  /** The attacker knows that these variables add up to `total`. */
  sum(parts: readonly number[], total: number) {
    this.equations.push({ terms: [...parts.map((variable) => ({ variable, coefficient: 1 })), { variable: total, coefficient: -1 }] })
  }

  /**
   * The hidden figures the equations fix (labels). Reduce the equations, restricted to the unknowns, to row-echelon
   * form: an unknown is fixed exactly when its pivot row has no entry in a free column.
   */
  derived(): string[] {
    const unknowns = this.variables.flatMap((v, index) => (v.known ? [] : [index]))
    const column = new Map(unknowns.map((variable, index) => [variable, index]))
    const matrix = this.equations.map(({ terms }) => {
      const row = new Array<number>(unknowns.length).fill(0)
      for (const { variable, coefficient } of terms) if (column.has(variable)) row[column.get(variable)!]! += coefficient
      return row
    })
    const pivots = reduce(matrix, unknowns.length)
    const free = unknowns.map((_, index) => index).filter((index) => !pivots.has(index))
    return [...pivots]
      .filter(([, row]) => free.every((index) => Math.abs(matrix[row]![index]!) < 1e-9))
      .map(([index]) => this.variables[unknowns[index]!]!.label)
  }

  private variable(known: boolean, label: string) {
    this.variables.push({ known, label })
    return this.variables.length - 1
  }
}

/** Gauss–Jordan elimination in place; returns column → pivot row. Entries stay small, so doubles are exact enough. */
function reduce(matrix: number[][], width: number) {
  const pivots = new Map<number, number>()
  let row = 0
  for (let column = 0; column < width && row < matrix.length; column++) {
    const found = matrix.findIndex((line, index) => index >= row && Math.abs(line[column]!) > 1e-9)
    if (found < 0) continue
    ;[matrix[row], matrix[found]] = [matrix[found]!, matrix[row]!]
    const pivot = matrix[row]!
    const scale = pivot[column]!
    for (let k = 0; k < width; k++) pivot[k]! /= scale
    for (const [index, line] of matrix.entries()) {
      const factor = line[column]!
      if (index === row || Math.abs(factor) < 1e-12) continue
      for (let k = 0; k < width; k++) line[k]! -= factor * pivot[k]!
    }
    pivots.set(column, row)
    row++
  }
  return pivots
}

/** Rows and columns of the augmented grid that hold exactly one hidden figure (the textbook audit; weaker). */
export function lonelyHiddenLines(table: PublishedTable): number {
  const grid = gridOf(table)
  const hidden = (line: PublishedCell[]) => line.filter((cell) => cell.kind !== 'count').length
  const columns = grid[0]!.map((_, column) => grid.map((line) => line[column]!))
  return [...grid, ...columns].filter((line) => hidden(line) === 1).length
}
