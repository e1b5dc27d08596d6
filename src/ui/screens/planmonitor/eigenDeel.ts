// Which part of a project a lid sees first: their own (issue 16). A developer or corporatie whose
// partij is the private owner starts at the private part; everyone else at the public part.

export function eigenDeelEerst(partijId: string | null, project: { publiekEigenaar: string; privaatEigenaar: string | null }): 'publiek' | 'privaat' {
  if (partijId === null || partijId === project.publiekEigenaar) return 'publiek';
  return partijId === project.privaatEigenaar ? 'privaat' : 'publiek';
}
